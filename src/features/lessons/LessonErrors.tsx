/** What is wrong with a lesson file, one line per problem: where (file, line, column, field) and why. */
import { useT } from '../../i18n';
import { Message } from '../../i18n/message';
import type { LessonError } from '../../engine';

export function LessonErrors({ title, errors }: { title: string; errors: readonly LessonError[] }) {
  const t = useT();
  return (
    <div role="alert" className="banner banner-error lesson-errors" data-testid="lesson-errors">
      <strong>{title}</strong>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            <code>
              {e.file}
              {e.line ? ` · ${t('lessons.file.line', { line: e.line })}` : ''}
              {e.column ? ` · ${t('lessons.file.column', { column: e.column })}` : ''}
            </code>
            {e.field && (
              <>
                {' '}
                <code className="lesson-error-field">{e.field}</code>
              </>
            )}
            : <Message m={e.message} />
          </li>
        ))}
      </ul>
    </div>
  );
}
