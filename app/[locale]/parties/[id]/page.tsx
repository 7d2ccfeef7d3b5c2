import type { Metadata } from "next";
import { cache } from "react";
import { setRequestLocale } from "next-intl/server";
import { isSlug } from "@/lib/domain/ids";
import { getPartyReading } from "@/lib/server/reading";
import { loadOrNotFound, requireReader } from "../../_components/load";
import { PartyView } from "../../_components/party-view";

type TProps = { params: Promise<{ locale: string; id: string }> };

const load = cache((id: string) => loadOrNotFound(isSlug(id), () => getPartyReading(id)));

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale, id } = await params;
  const party = await load(id);
  return { title: locale === "ja" ? (party.nameJa ?? party.name) : party.name };
}

export default async function PartyPage({ params }: TProps) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await requireReader(locale, `/parties/${id}`);
  return <PartyView party={await load(id)} />;
}
