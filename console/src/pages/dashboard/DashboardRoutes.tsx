import { Route, Routes } from "react-router";
import { RequireArea } from "../../components/RequireArea";
import { DashboardPage } from "./DashboardPage";
import { ResolveWithdrawalPage } from "./ResolveWithdrawalPage";

/** The pages of this area, under their own path (App.tsx mounts them). */
export function DashboardRoutes() {
  return (
    <RequireArea area="dashboard">
      <Routes>
        <Route index element={<DashboardPage />} />
        <Route
          path="withdrawal-requests/:id"
          element={
            <RequireArea area="resolveWithdrawals">
              <ResolveWithdrawalPage />
            </RequireArea>
          }
        />
      </Routes>
    </RequireArea>
  );
}
