import './states.css';

/**
 * Grey blocks where content is coming, each with the class that gives it that content's size, so
 * nothing moves when it arrives. Hidden from screen readers: the loading state is said elsewhere.
 */
export function Skeleton({ kind, count = 1 }: { kind: string; count?: number }) {
  return (
    <div aria-hidden="true" className="skeletons">
      {Array.from({ length: count }, (_, i) => <div key={i} className={`skeleton skeleton-${kind}`} />)}
    </div>
  );
}
