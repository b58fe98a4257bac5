/**
 * The lessons tab: the course (when no lesson is open, or the student asked for the list) or the open
 * lesson. Which lesson and step are open lives in the store; browsing the list is this view's own state.
 */
import { useState } from 'react';
import './lessons.css';
import { useStore } from '../../store';
import { LessonPanel } from './LessonPanel';
import { LessonPicker } from './LessonPicker';

export function LessonsPane() {
  const lessonId = useStore((s) => s.lessonId);
  const [browsing, setBrowsing] = useState(false);
  if (!lessonId || browsing)
    return (
      <LessonPicker
        onOpened={() => setBrowsing(false)}
        onBack={lessonId ? () => setBrowsing(false) : undefined}
      />
    );
  return <LessonPanel onBrowse={() => setBrowsing(true)} />;
}
