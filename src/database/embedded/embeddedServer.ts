/** A database server this process started and must stop. */
export interface EmbeddedServer {
  /** MongoDB connection string (without database name). */
  uri: string;
  /** Human-readable description for start-up logs. */
  description: string;
  /** The executable it runs (FerretDB). */
  readonly binary?: string;
  /** The server's current process id, when it runs as a child process of this one (FerretDB). */
  readonly pid?: number;
  /** How often it was started again after it died (supervised servers). */
  readonly restarts?: number;
  stop(): Promise<void>;
}
