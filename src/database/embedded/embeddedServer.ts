/** A database server this process started and must stop. */
export interface EmbeddedServer {
  /** MongoDB connection string (without database name). */
  uri: string;
  /** Human-readable description for start-up logs. */
  description: string;
  /** The server's process id, when it runs as a child process of this one (FerretDB). */
  pid?: number;
  stop(): Promise<void>;
}
