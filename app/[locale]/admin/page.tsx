import type { Metadata } from "next";
import { headers } from "next/headers";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { can } from "@/lib/domain/permissions";
import { findMembers } from "@/lib/data/members.repository";
import { isReadingClosed } from "@/lib/server/reading-gate";
import { getActor } from "@/lib/server/authz";
import {
  ChangeRoleForm,
  CreateMemberForm,
  IssueTokenForm,
  ReadingForm,
  RevokeTokenForm,
} from "../_components/account/account-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Account"))("adminTitle") };
}

export default async function AdminPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await getActor(await headers());
  if (!actor) redirect({ href: { pathname: "/sign-in", query: { next: "/admin" } }, locale });
  const t = await getTranslations("Account");
  if (!can(actor, "member:manage")) {
    return (
      <div className="page">
        <h1>{t("adminTitle")}</h1>
        <p role="alert">{t("error.FORBIDDEN")}</p>
      </div>
    );
  }
  const [members, closed, format] = await Promise.all([findMembers(), isReadingClosed(), getFormatter()]);
  return (
    <div className="page">
      <h1>{t("adminTitle")}</h1>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t("membersHeading")}</h2>
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("email")}</th>
                <th scope="col">{t("role")}</th>
                <th scope="col">{t("tokensHeading")}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.name}</th>
                  <td>{m.email}</td>
                  <td>
                    <ChangeRoleForm userId={m.id} role={m.role} label={`${t("role")}: ${m.name}`} />
                  </td>
                  <td>
                    <ul className="token-list">
                      {m.apiTokens.map((token) => (
                        <li key={token.id}>
                          {token.name}{" "}
                          <span className="muted">
                            {token.revokedAt
                              ? t("revoked")
                              : token.lastUsedAt
                                ? t("lastUsed", { date: format.dateTime(token.lastUsedAt, { dateStyle: "medium" }) })
                                : t("neverUsed")}
                          </span>
                          {token.revokedAt ? null : <RevokeTokenForm tokenId={token.id} />}
                        </li>
                      ))}
                    </ul>
                    <IssueTokenForm userId={m.id} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="create-heading">
        <h2 id="create-heading">{t("createMemberHeading")}</h2>
        <CreateMemberForm />
      </section>
      <section aria-labelledby="reading-heading">
        <h2 id="reading-heading">{t("readingHeading")}</h2>
        <ReadingForm closed={closed} />
      </section>
    </div>
  );
}
