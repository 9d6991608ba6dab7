import { Route, Routes } from "react-router";
import { RequireArea } from "../../components/RequireArea";
import { AccessLogPage } from "./AccessLogPage";

/** The pages of this area, under their own path (App.tsx mounts them). */
export function AccessLogRoutes() {
  return (
    <RequireArea area="accessLog">
      <Routes>
        <Route index element={<AccessLogPage />} />
      </Routes>
    </RequireArea>
  );
}
