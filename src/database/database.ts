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

/**
 * One mongoose connection to one database with contentgate's models registered. Connections fail
 * fast (no command buffering, short server selection) so that an unreachable database becomes a
 * quick 503 instead of a hanging request.
 */
export class Database {
  readonly models: Models;

  private constructor(
    readonly connection: Connection,
    /** Where content objects live on this server (see `objectLayout.ts`). */
    readonly layout: ObjectLayout,
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

  /** Connects and builds every index (failing loudly: mongoose's autoIndex would hide errors). */
  static async connect(
    uri: string,
    databaseName: string,
    options: { monitorCommands?: boolean; layout?: string } = {},
  ): Promise<Database> {
    const connection = mongoose.createConnection(uri, {
      monitorCommands: options.monitorCommands ?? false,
      dbName: databaseName,
      autoIndex: false,
      autoCreate: false,
      bufferCommands: false,
      serverSelectionTimeoutMS: 5000,
      maxPoolSize: 20,
    });
    await connection.asPromise();
    const database = new Database(connection, await detectObjectLayout(connection, options.layout));
    await database.buildIndexes();
    await database.retireIndexes();
    await migrateLegacyObjects(database);
    return database;
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
    try {
      await this.connection.db?.admin().ping();
      return true;
    } catch {
      return false;
    }
  }

  /** Drops this database (tests only). */
  async drop(): Promise<void> {
    await this.connection.dropDatabase();
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
