import { Link } from "react-router";
import { useAuth } from "../auth/AuthContext";
import { may, type Area } from "../auth/roles";

const CARDS: { to: string; title: string; text: string; area: Area }[] = [
  { to: "/dashboard", title: "Dashboard", text: "Consents, re-consent flags, referred withdrawals, agreements due for review and parked deliveries.", area: "dashboard" },
  { to: "/notices", title: "Notices", text: "Draft, check, compare and publish privacy notices and their versions.", area: "notices" },
  { to: "/children", title: "Children's records", text: "Find a child by NHS number, UPN or case id; record consent and withdrawals.", area: "children" },
  { to: "/agreements", title: "Agreements", text: "Information-sharing agreements, their parties, signatures and disclosures.", area: "agreements" },
  { to: "/subject-access", title: "Subject access", text: "Everything the suite holds about one child, on one printable page.", area: "subjectAccess" },
  { to: "/access-log", title: "Access log", text: "Who read a child's personal data, when and why.", area: "accessLog" },
];

export function HomePage() {
  const { person } = useAuth();
  const cards = CARDS.filter((card) => may(person, card.area));
  return (
    <>
      <h1 className="govuk-heading-xl">Governance console</h1>
      {cards.length === 0 ? (
        <p className="govuk-body">Your role has no pages in the console.</p>
      ) : (
        <ul className="govuk-list">
          {cards.map((card) => (
            <li key={card.to} className="govuk-!-margin-bottom-6">
              <h2 className="govuk-heading-m govuk-!-margin-bottom-1">
                <Link className="govuk-link" to={card.to}>
                  {card.title}
                </Link>
              </h2>
              <p className="govuk-body">{card.text}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
