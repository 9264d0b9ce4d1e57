import { useNavigation } from '../../state/Navigation';

/** The right-hand panel: the tag pane, or one tag's passages across the library. */
export function SidePanelHost() {
  const { sidePanel } = useNavigation();
  if (sidePanel.kind === 'none') return null;
  return <aside className="side-panel" aria-label="Tags" />;
}
