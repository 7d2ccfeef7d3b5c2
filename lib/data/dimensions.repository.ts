import "server-only";
import { getDb, type Db } from "./db";

export type TDimension = {
  id: string;
  label: string;
  labelJa: string | null;
  description: string;
  descriptionJa: string | null;
};

/** The codebook, in its own order. */
export async function findDimensions(db: Db = getDb()): Promise<TDimension[]> {
  return db.dimension.findMany({
    select: { id: true, label: true, labelJa: true, description: true, descriptionJa: true },
    orderBy: { ordinal: "asc" },
  });
}
