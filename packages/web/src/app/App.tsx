import { lazy, Suspense } from 'react';
import { I18nProvider, RouterProvider } from 'react-aria-components';
import { BrowserRouter, Route, Routes, useHref, useNavigate } from 'react-router';
import { SessionProvider } from '../api/session.tsx';
import { Loading } from '../components/Status.tsx';
import {
  loadAccountMessages,
  loadAwardMessages,
  loadMembershipMessages,
  loadMonitoringMessages,
  loadReviewMessages,
  loadSurveyMessages,
} from '../i18n/i18n.ts';
import { useLang } from '../i18n/useLang.ts';
import { HomePage } from '../pages/HomePage.tsx';
import { Layout } from './Layout.tsx';

// Home ships in the entry chunk (it is the first page most visitors see); every other page, and the
// map code they pull in, loads when first visited.
const FrameworkPage = lazy(() => import('../pages/FrameworkPage.tsx'));
const NetworkPage = lazy(() => import('../pages/NetworkPage.tsx'));
const CityPage = lazy(() => import('../pages/CityPage.tsx'));
const AboutPage = lazy(() => import('../pages/AboutPage.tsx'));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage.tsx'));
// Accounts: signing in, invitations, one's account, and the administrators' workspaces. Each arrives
// with the accounts messages (loaded once, in parallel with the page's code).
function withAccountMessages<T>(load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([load(), loadAccountMessages()]).then(([page]) => page);
}
const SignInPage = lazy(withAccountMessages(() => import('../pages/SignInPage.tsx')));
const ForgotPasswordPage = lazy(withAccountMessages(() => import('../pages/ForgotPasswordPage.tsx')));
const ResetPasswordPage = lazy(withAccountMessages(() => import('../pages/ResetPasswordPage.tsx')));
const AcceptInvitationPage = lazy(withAccountMessages(() => import('../pages/AcceptInvitationPage.tsx')));
const AccountPage = lazy(withAccountMessages(() => import('../pages/AccountPage.tsx')));
const UsersPage = lazy(withAccountMessages(() => import('../pages/admin/UsersPage.tsx')));
const AuditPage = lazy(withAccountMessages(() => import('../pages/admin/AuditPage.tsx')));
const OutboxPage = lazy(withAccountMessages(() => import('../pages/admin/OutboxPage.tsx')));
// Monitoring: a measurement of a city, the city team's workspace and the secretariat's review. They
// arrive with the monitoring messages; the signed-in pages with the accounts ones too (forms, access).
function withMonitoringMessages<T>(load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([load(), loadMonitoringMessages()]).then(([page]) => page);
}
// Expert review: narratives (in the workspace), the reviewers' pages, the secretariat's rounds and rubrics,
// a city's results, and the provenance of a consolidated figure on a measurement's page.
function withReviewMessages<T>(load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([load(), loadReviewMessages()]).then(([page]) => page);
}
const MeasurementPage = lazy(withReviewMessages(withMonitoringMessages(() => import('../pages/MeasurementPage.tsx'))));
const WorkspacePage = lazy(
  withReviewMessages(withMonitoringMessages(withAccountMessages(() => import('../pages/WorkspacePage.tsx')))),
);
const ReviewPage = lazy(withMonitoringMessages(withAccountMessages(() => import('../pages/admin/ReviewPage.tsx'))));
const reviewPage = (load: () => Promise<{ default: React.ComponentType }>) =>
  lazy(withReviewMessages(withMonitoringMessages(withAccountMessages(load))));
const InboxPage = reviewPage(() => import('../pages/review/InboxPage.tsx'));
const AssignmentPage = reviewPage(() => import('../pages/review/AssignmentPage.tsx'));
const ResultsPage = reviewPage(() => import('../pages/review/ResultsPage.tsx'));
const RoundsPage = reviewPage(() => import('../pages/admin/RoundsPage.tsx'));
const RoundPage = reviewPage(() => import('../pages/admin/RoundPage.tsx'));
const RubricsPage = reviewPage(() => import('../pages/admin/RubricsPage.tsx'));

// Membership: the city's application and reports, the applications a person may see (a National Commission's
// queue), one application, and the secretariat's calls and compliance board. The review messages bring the
// word counter's; the accounts ones the forms'.
const membershipPage = (load: () => Promise<{ default: React.ComponentType }>) =>
  lazy(() =>
    Promise.all([load(), loadMembershipMessages(), loadReviewMessages(), loadAccountMessages()]).then(([page]) => page),
  );
const CityMembershipPage = membershipPage(() => import('../pages/membership/CityMembershipPage.tsx'));
const ApplicationsPage = membershipPage(() => import('../pages/membership/ApplicationsPage.tsx'));
const ApplicationPage = membershipPage(() => import('../pages/membership/ApplicationPage.tsx'));
const MembershipAdminPage = membershipPage(() => import('../pages/admin/MembershipPage.tsx'));

// The Learning City Award: the public record, and the workspace, an application and a cycle for those taking part.
const awardPage = (load: () => Promise<{ default: React.ComponentType }>) =>
  lazy(() => Promise.all([load(), loadAwardMessages(), loadAccountMessages()]).then(([page]) => page));
const AwardsPage = awardPage(() => import('../pages/AwardsPage.tsx'));
const AwardWorkspacePage = awardPage(() => import('../pages/awards/AwardWorkspacePage.tsx'));
const AwardApplicationPage = awardPage(() => import('../pages/awards/AwardApplicationPage.tsx'));
const AwardCyclePage = awardPage(() => import('../pages/awards/AwardCyclePage.tsx'));

// Surveys: the city team's waves, margins, weighting and estimates (with the monitoring messages for figures).
const SurveysPage = lazy(() =>
  Promise.all([
    import('../pages/surveys/SurveysPage.tsx'),
    loadSurveyMessages(),
    loadMonitoringMessages(),
    loadAccountMessages(),
  ]).then(([page]) => page),
);

function Providers({ children }: { children: React.ReactNode }) {
  const navigate = useNavigate();
  const lang = useLang();
  // React Aria links navigate through the router; its widgets follow the interface language and direction.
  return (
    <RouterProvider navigate={navigate} useHref={useHref}>
      <I18nProvider locale={lang}>{children}</I18nProvider>
    </RouterProvider>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <Providers>
        <SessionProvider>
          <Routes>
            <Route element={<Layout />}>
              <Route index element={<HomePage />} />
              <Route path="framework" element={<Lazy page={<FrameworkPage />} />} />
              <Route path="framework/:focusAreaId" element={<Lazy page={<FrameworkPage />} />} />
              <Route path="network" element={<Lazy page={<NetworkPage />} />} />
              <Route path="cities/:slug" element={<Lazy page={<CityPage />} />} />
              <Route path="cities/:slug/measurements/:measurementId" element={<Lazy page={<MeasurementPage />} />} />
              <Route path="cities/:slug/cycles/:year/review-results" element={<Lazy page={<ResultsPage />} />} />
              <Route path="workspace/:slug" element={<Lazy page={<WorkspacePage />} />} />
              <Route path="workspace/:slug/membership" element={<Lazy page={<CityMembershipPage />} />} />
              <Route path="workspace/:slug/surveys" element={<Lazy page={<SurveysPage />} />} />
              <Route path="workspace/:slug/surveys/:waveId" element={<Lazy page={<SurveysPage />} />} />
              <Route path="membership/applications" element={<Lazy page={<ApplicationsPage />} />} />
              <Route path="membership/applications/:id" element={<Lazy page={<ApplicationPage />} />} />
              <Route path="awards" element={<Lazy page={<AwardsPage />} />} />
              <Route path="awards/workspace" element={<Lazy page={<AwardWorkspacePage />} />} />
              <Route path="awards/applications/:id" element={<Lazy page={<AwardApplicationPage />} />} />
              <Route path="awards/cycles/:id" element={<Lazy page={<AwardCyclePage />} />} />
              <Route path="review" element={<Lazy page={<InboxPage />} />} />
              <Route path="review/assignments/:id" element={<Lazy page={<AssignmentPage />} />} />
              <Route path="about" element={<Lazy page={<AboutPage />} />} />
              <Route path="sign-in" element={<Lazy page={<SignInPage />} />} />
              <Route path="forgot-password" element={<Lazy page={<ForgotPasswordPage />} />} />
              <Route path="reset-password" element={<Lazy page={<ResetPasswordPage />} />} />
              <Route path="accept-invitation" element={<Lazy page={<AcceptInvitationPage />} />} />
              <Route path="account" element={<Lazy page={<AccountPage />} />} />
              <Route path="admin/users" element={<Lazy page={<UsersPage />} />} />
              <Route path="admin/audit" element={<Lazy page={<AuditPage />} />} />
              <Route path="admin/outbox" element={<Lazy page={<OutboxPage />} />} />
              <Route path="admin/review" element={<Lazy page={<ReviewPage />} />} />
              <Route path="admin/review-rounds" element={<Lazy page={<RoundsPage />} />} />
              <Route path="admin/review-rounds/:id" element={<Lazy page={<RoundPage />} />} />
              <Route path="admin/rubrics" element={<Lazy page={<RubricsPage />} />} />
              <Route path="admin/membership" element={<Lazy page={<MembershipAdminPage />} />} />
              <Route path="*" element={<Lazy page={<NotFoundPage />} />} />
            </Route>
          </Routes>
        </SessionProvider>
      </Providers>
    </BrowserRouter>
  );
}

function Lazy({ page }: { page: React.ReactNode }) {
  return <Suspense fallback={<Loading />}>{page}</Suspense>;
}
