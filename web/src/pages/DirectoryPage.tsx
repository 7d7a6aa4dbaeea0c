/** The CSIRT directory: search peer teams, one team with our trust in it, a team by hand, and RFC 2350 import. */
import { ImportPage } from './directory/ImportPage';
import { TeamList } from './directory/TeamList';
import { TeamPage } from './directory/TeamPage';

export function DirectoryPage({
  path,
  search,
  navigate,
  canWrite,
  canShare,
  canAdmin,
}: {
  path: string;
  search: URLSearchParams;
  navigate: (to: string) => void;
  canWrite: boolean;
  /** Sharing profiles (sharing:manage); readers for a peer take managing users too. */
  canShare: boolean;
  canAdmin: boolean;
}) {
  const id = /^\/directory\/teams\/([0-9a-f-]{36})$/.exec(path)?.[1];
  if (id) return <TeamPage id={id} navigate={navigate} canWrite={canWrite} canShare={canShare} canAdmin={canAdmin} />;
  if (path === '/directory/import' && canWrite) return <ImportPage navigate={navigate} />;
  return <TeamList search={search} navigate={navigate} canWrite={canWrite} />;
}
