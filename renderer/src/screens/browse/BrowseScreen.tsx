import type { MatterGroup } from '../../shell/shell-machine';
import { MatterListPanel } from './MatterListPanel';

/**
 * The matters of one service kind or theme, on a screen of their own. Stays mounted under an open
 * guide (`covered`: invisible and inert, but laid out, so it keeps its scroll position) so that
 * "back" finds the list where the visitor left it.
 */
export function BrowseScreen({ group, covered }: { group: MatterGroup; covered: boolean }) {
  return (
    <section className="screen browse" data-testid="browse-screen" data-covered={covered || undefined} inert={covered}>
      <MatterListPanel group={group} placement="screen" />
    </section>
  );
}
