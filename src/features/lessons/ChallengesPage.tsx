/** The lesson's last page: each challenge with its goal, its Check button, its results and its hints. */
import type { LoadedLesson } from '../../engine';
import type { LessonRef } from '../../store';
import { ChallengeView } from './ChallengeView';

export function ChallengesPage({ lesson, lessonRef }: { lesson: LoadedLesson; lessonRef: LessonRef }) {
  return (
    <div className="lesson-challenges-page">
      {lesson.challenges.map((c) => (
        <ChallengeView key={c.id} challenge={c} lessonRef={lessonRef} />
      ))}
    </div>
  );
}
