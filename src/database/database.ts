import mongoose, { type Connection, type Model } from 'mongoose';
import { accountModel, type AccountRecord } from './models/accountModel';
import { apiKeyModel, type ApiKeyRecord } from './models/apiKeyModel';
import { auditRecordModel, type AuditRecord } from './models/auditRecordModel';
import { changeMarkModel, type ChangeMarkRecord } from './models/changeMarkModel';
import { contentObjectModel, RETIRED_OBJECT_INDEXES, type ContentObjectRecord } from './models/contentObjectModel';
import { migrateLegacyObjects } from './migrateObjects';
import { ObjectCollection } from './objectCollection';
import { detectObjectLayout, type ObjectLayout } from './objectLayout';
import { contentTypeModel, type ContentTypeRecord } from './models/contentTypeModel';
import { errors } from '../errors/errorFactory';
import { uniqueClaimModel, type UniqueClaimRecord } from './models/uniqueClaimModel';
import { usageCounterModel, type UsageCounterRecord } from './models/usageCounterModel';

/** Every model of one connection. Only the data layer (`AccountScope`) touches these. */
export interface Models {
  accounts: Model<AccountRecord>;
  contentTypes: Model<ContentTypeRecord>;
  contentObjects: Model<ContentObjectRecord>;
  uniqueClaims: Model<UniqueClaimRecord>;
  apiKeys: Model<ApiKeyRecord>;
  changeMarks: Model<ChangeMarkRecord>;
  auditRecords: Model<AuditRecord>;
  usageCounters: Model<UsageCounterRecord>;
}

/** How long an operation waits for an unreachable server before failing (an answer within 2 s, not a hang). */
export const SERVER_SELECTION_TIMEOUT_MS = 1500;
/**
 * How often the driver checks the server, and how long a check (or a new connection) may take. A
 * server that stops answering without closing its connections (hung, not dead) fails its next check:
 * the driver then interrupts the operations waiting on it and marks it unknown, so requests get a 503
 * within about `HEARTBEAT_MS + CHECK_TIMEOUT_MS` instead of the driver defaults' 30–40 s.
 */
export const HEARTBEAT_MS = 1000;
export const CHECK_TIMEOUT_MS = 2000;
/** How long a health or readiness ping may take before the database counts as not answering. */
export const PING_TIMEOUT_MS = 1000;

/** Options of a connection. */
export interface DatabaseOptions {
  monitorCommands?: boolean;
  /** `CONTENT_LAYOUT`: detected from the server when absent. */
  layout?: string;
}

/**
 * One mongoose connection to one database with contentgate's models registered. Connections fail
 * fast (no command buffering, short server selection) so that an unreachable database becomes a
 * quick 503 instead of a hanging request; the driver reconnects by itself when the server returns.
 */
export class Database {
  readonly models: Models;
  private objectLayout: ObjectLayout | undefined;
  /** The ping under way (health and readiness share it). */
  private pinging: Promise<boolean> | undefined;

  private constructor(
    readonly connection: Connection,
    private readonly databaseName: string,
    private readonly options: DatabaseOptions,
  ) {
    this.models = {
      accounts: accountModel(connection),
      contentTypes: contentTypeModel(connection),
      contentObjects: contentObjectModel(connection),
      uniqueClaims: uniqueClaimModel(connection),
      apiKeys: apiKeyModel(connection),
      changeMarks: changeMarkModel(connection),
      auditRecords: auditRecordModel(connection),
      usageCounters: usageCounterModel(connection),
    };
  }

  /** Connects and prepares (layout, indexes, migration), failing on the first error. */
  static async connect(uri: string, databaseName: string, options: DatabaseOptions = {}): Promise<Database> {
    const database = Database.create(databaseName, options);
    await database.open(uri);
    return database;
  }

  /**
   * A database whose models exist but which is not connected yet: `open` connects it (and may be
   * called again after a failure). Until then every operation fails at once (no buffering).
   */
  static create(databaseName: string, options: DatabaseOptions = {}): Database {
    const connection = mongoose.createConnection();
    connection.set('bufferCommands', false);
    return new Database(connection, databaseName, options);
  }

  /** Connects to `uri` and prepares the database (layout, indexes, migration of old objects). */
  async open(uri: string): Promise<void> {
    await this.connection.openUri(uri, {
      monitorCommands: this.options.monitorCommands ?? false,
      dbName: this.databaseName,
      autoIndex: false,
      autoCreate: false,
      bufferCommands: false,
      serverSelectionTimeoutMS: SERVER_SELECTION_TIMEOUT_MS,
      heartbeatFrequencyMS: HEARTBEAT_MS,
      connectTimeoutMS: CHECK_TIMEOUT_MS,
      maxPoolSize: 20,
    });
    this.objectLayout = await detectObjectLayout(this.connection, this.options.layout);
    await this.buildIndexes();
    await this.retireIndexes();
    await migrateLegacyObjects(this);
  }

  /** Whether `open` has completed: the database is connected once and prepared. */
  get prepared(): boolean {
    return this.objectLayout !== undefined;
  }

  /** Where content objects live on this server (see `objectLayout.ts`); known once prepared. */
  get layout(): ObjectLayout {
    if (!this.objectLayout) throw errors.unavailable();
    return this.objectLayout;
  }

  /** Builds the indexes every model declares. Throws on the first failure. */
  async buildIndexes(): Promise<void> {
    for (const model of Object.values(this.models) as Model<unknown>[]) {
      await model.createCollection().catch((error: { codeName?: string }) => {
        if (error.codeName !== 'NamespaceExists') throw error;
      });
      for (const [fields, options] of model.schema.indexes()) {
        await model.collection.createIndex(fields as Record<string, 1 | -1>, options as Record<string, unknown>);
      }
    }
  }

  /** One account's objects of one content type. */
  objects(accountId: string, type: string): ObjectCollection {
    return new ObjectCollection(this.connection.db!, this.layout, accountId, type, this.models.contentObjects);
  }

  /** Drops indexes earlier versions built and the current layout no longer uses. */
  private async retireIndexes(): Promise<void> {
    const existing = new Set((await this.models.contentObjects.collection.indexes()).map((index) => index.name));
    for (const name of RETIRED_OBJECT_INDEXES) {
      if (existing.has(name)) await this.models.contentObjects.collection.dropIndex(name);
    }
  }

  /** Whether the server answers a ping. */
  async ping(): Promise<boolean> {
    const db = this.connection.db;
    if (!db) return false;
    // One ping at a time, and not cancelled at the timeout: a cancelled ping would also cancel the
    // connection it may be opening to a server that is back, and a loaded server would never get one.
    this.pinging ??= db
      .admin()
      .ping()
      .then(
        () => true,
        () => false,
      )
      .finally(() => {
        this.pinging = undefined;
      });
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), PING_TIMEOUT_MS).unref());
    return Promise.race([this.pinging, timeout]);
  }

  /** Drops this database (tests only). */
  async drop(): Promise<void> {
    await this.connection.dropDatabase();
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
