import { Link, NavLink, Outlet } from "react-router";
import { useAuth } from "../auth/AuthContext";
import { may, ROLE_NAMES, type Area } from "../auth/roles";

const NAVIGATION: { to: string; text: string; area: Area }[] = [
  { to: "/dashboard", text: "Dashboard", area: "dashboard" },
  { to: "/notices", text: "Notices", area: "notices" },
  { to: "/children", text: "Children's records", area: "children" },
  { to: "/agreements", text: "Agreements", area: "agreements" },
  { to: "/subject-access", text: "Subject access", area: "subjectAccess" },
  { to: "/access-log", text: "Access log", area: "accessLog" },
];

/** The page frame of GOV.UK Frontend: skip link, header, service navigation by role, main, footer. */
export function Layout() {
  const { person, signOut } = useAuth();
  const items = NAVIGATION.filter((item) => may(person, item.area));
  return (
    <>
      <a href="#main-content" className="govuk-skip-link">
        Skip to main content
      </a>
      <header className="govuk-generic-header" role="banner">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <Link to="/" className="govuk-generic-header__homepage-link">
              Consent governance suite
            </Link>
          </div>
        </div>
      </header>
      <section aria-label="Service information" className="govuk-service-navigation">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <Link to="/" className="govuk-service-navigation__link">
                Governance console
              </Link>
            </span>
            {items.length > 0 && (
              <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
                <ul className="govuk-service-navigation__list" id="navigation">
                  {items.map((item) => (
                    <li key={item.to} className="govuk-service-navigation__item">
                      <NavLink
                        to={item.to}
                        className={({ isActive }) =>
                          `govuk-service-navigation__link${isActive ? " govuk-service-navigation__link--active" : ""}`
                        }
                      >
                        {item.text}
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </nav>
            )}
          </div>
        </div>
      </section>
      <div className="govuk-width-container">
        <div className="govuk-phase-banner app-no-print">
          <p className="govuk-phase-banner__content">
            <strong className="govuk-tag govuk-phase-banner__content__tag">Beta</strong>
            <span className="govuk-phase-banner__text">
              {person ? (
                <>
                  Signed in as <strong data-testid="signed-in-as">{person.name}</strong>
                  {person.organisation ? ` (${person.organisation})` : ""} —{" "}
                  {[...person.roles].map((r) => ROLE_NAMES[r]).join(", ") || "no role"}.{" "}
                  <button type="button" className="govuk-link app-link-button" onClick={() => void signOut()}>
                    Sign out
                  </button>
                </>
              ) : (
                "Not signed in."
              )}
            </span>
          </p>
        </div>
        <main className="govuk-main-wrapper" id="main-content">
          <Outlet />
        </main>
      </div>
      <footer className="govuk-footer app-no-print">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <p className="govuk-body-s">
                Consent governance suite — an open-source suite for the public bodies that look after children.
              </p>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
