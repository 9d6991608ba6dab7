import { Route, Routes } from "react-router";
import { RequireArea } from "../../components/RequireArea";
import { AgreementDetailPage } from "./AgreementDetailPage";
import { AgreementDraftPage, AgreementEditPage } from "./AgreementDraftPage";
import { AgreementListPage } from "./AgreementListPage";

/** The pages of this area, under their own path (App.tsx mounts them). */
export function AgreementRoutes() {
  return (
    <RequireArea area="agreements">
      <Routes>
        <Route index element={<AgreementListPage />} />
        <Route path="new" element={<AgreementDraftPage />} />
        <Route path=":id" element={<AgreementDetailPage />} />
        <Route path=":id/versions/:number/edit" element={<AgreementEditPage />} />
      </Routes>
    </RequireArea>
  );
}
