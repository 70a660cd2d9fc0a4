/** A database server this process started and must stop. */
export interface EmbeddedServer {
  /** MongoDB connection string (without database name). */
  uri: string;
  /** Human-readable description for start-up logs. */
  description: string;
  stop(): Promise<void>;
}
