/**
 * The lesson format (lessons.md), version 1, as a typed decoder. A lesson is data: text in English and
 * Korean, the starting scene as files applied in order, steps, predictions and challenges. A challenge is
 * declarative: interpreter commands and assertions over their JSON results; nothing in a lesson runs as
 * code, so a lesson from a file or a link is as safe as a scene.
 *
 * The same schema is printed as JSON Schema by `svclab lesson schema` (for editors that validate YAML).
 *
 * @example
 * LessonSchema.safeParse(yaml.parse(text)).success; // true for a well-formed lesson.yaml
 */
import { z } from 'zod';
import { isMsg, isMsgId, msg, type Msg, type MsgId } from '../messages';

export const LESSON_FORMAT = 'svclab.lesson/v1';

/** Limits that keep a lesson from a link cheap to check (a real lesson stays far below them). */
export const LIMITS = {
  expressionChars: 2000,
  commandChars: 2000,
  runs: 40,
  forEachItems: 32,
  depth: 8,
  textChars: 4000,
  steps: 40,
  challenges: 12,
  choices: 8,
} as const;

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lesson.format.slug');
const ident = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,40}$/, 'lesson.format.ident');
const filePath = z.string().regex(/^(?!\/)(?!.*\.\.)[A-Za-z0-9._/-]{1,200}$/, 'lesson.format.filePath');
const expression = z.string().min(1).max(LIMITS.expressionChars);

/** A sentence in both languages. Both are required: a lesson speaks to every student. */
export const TextSchema = z.strictObject({
  en: z.string().min(1).max(LIMITS.textChars),
  ko: z.string().min(1).max(LIMITS.textChars),
});
export type Text = z.infer<typeof TextSchema>;

/** A JSON value as YAML can write it. */
const Json: z.ZodType<unknown> = z.unknown();

/** A value to compare with: a literal, or `{ ref: NAME }` for a named value of the challenge. */
const Operand = z.union([z.strictObject({ ref: ident }), Json]);

const Range = z
  .strictObject({
    atLeast: z.number().optional(),
    atMost: z.number().optional(),
    equals: z.number().optional(),
  })
  .refine((r) => r.atLeast !== undefined || r.atMost !== undefined || r.equals !== undefined, {
    message: 'lesson.format.range',
  });

/** The operators of a condition; exactly one kind per condition (atLeast and atMost go together). */
export const OPERATORS = [
  'equals',
  'oneOf',
  'startsWith',
  'contains',
  'range',
  'count',
  'every',
  'some',
  'none',
  'all',
  'any',
  'not',
] as const;

export interface Condition {
  /** A JMESPath expression for the value the condition is about; default: the current value (`@`). */
  path?: string | undefined;
  equals?: unknown;
  oneOf?: unknown;
  startsWith?: unknown;
  contains?: unknown;
  atLeast?: number | undefined;
  atMost?: number | undefined;
  count?:
    { atLeast?: number | undefined; atMost?: number | undefined; equals?: number | undefined } | undefined;
  /** With `count`: count different values only. */
  distinct?: boolean | undefined;
  every?: Condition | undefined;
  some?: Condition | undefined;
  none?: Condition | undefined;
  all?: Condition[] | undefined;
  any?: Condition[] | undefined;
  not?: Condition | undefined;
  /** With every/some/none: a JMESPath expression naming an item in messages (like "backend.pod"). */
  label?: string | undefined;
  /** The behaviour that is missing when this condition fails, in the student's words. */
  missing?: Text | undefined;
}

/** Which operator a condition uses. */
export function operatorOf(c: Condition): (typeof OPERATORS)[number] | undefined {
  if (c.atLeast !== undefined || c.atMost !== undefined) return 'range';
  return OPERATORS.find((k) => k !== 'range' && (c as Record<string, unknown>)[k] !== undefined);
}

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z
    .strictObject({
      path: expression.optional(),
      equals: Operand.optional(),
      oneOf: Operand.optional(),
      startsWith: Operand.optional(),
      contains: Operand.optional(),
      atLeast: z.number().optional(),
      atMost: z.number().optional(),
      count: Range.optional(),
      distinct: z.boolean().optional(),
      every: ConditionSchema.optional(),
      some: ConditionSchema.optional(),
      none: ConditionSchema.optional(),
      all: z.array(ConditionSchema).min(1).optional(),
      any: z.array(ConditionSchema).min(1).optional(),
      not: ConditionSchema.optional(),
      label: expression.optional(),
      missing: TextSchema.optional(),
    })
    .superRefine((c, ctx) => {
      const kinds = OPERATORS.filter((k) =>
        k === 'range'
          ? c.atLeast !== undefined || c.atMost !== undefined
          : (c as Record<string, unknown>)[k] !== undefined,
      );
      if (kinds.length !== 1)
        issue(
          ctx,
          kinds.length === 0
            ? msg('lesson.format.noOperator', { operators: OPERATORS.filter((k) => k !== 'range') })
            : msg('lesson.format.manyOperators', { kinds }),
        );
      if (c.distinct !== undefined && c.count === undefined)
        issue(ctx, msg('lesson.format.distinct', {}), ['distinct']);
      if (c.label !== undefined && !c.every && !c.some && !c.none)
        issue(ctx, msg('lesson.format.label', {}), ['label']);
    }),
);

/**
 * A command of the console's interpreter, run with `-o json`. `{{ expr }}` inside it is a JMESPath
 * expression over the values so far (and the `as` item of forEach); each fills one word, never more.
 */
export const RunSchema = z
  .strictObject({
    name: ident,
    command: z.string().min(1).max(LIMITS.commandChars).optional(),
    /** Instead of a command: a JMESPath value over the results so far, for the commands after it. */
    value: expression.optional(),
    forEach: expression.optional(),
    as: ident.optional(),
  })
  .refine((r) => (r.command === undefined) !== (r.value === undefined), {
    message: 'lesson.format.commandOrValue',
  })
  .refine((r) => (r.forEach === undefined) === (r.as === undefined), {
    message: 'lesson.format.forEachAs',
  })
  .refine((r) => r.forEach === undefined || r.command !== undefined, {
    message: 'lesson.format.forEachCommand',
  });
export type Run = z.infer<typeof RunSchema>;

/** Named JMESPath values computed after the commands, in order, each seeing the ones before it. */
const LetSchema = z.record(ident, expression);

export const ChallengeSchema = z.strictObject({
  id: slug,
  title: TextSchema,
  /** What the scene must do, as the student reads it. */
  goal: TextSchema,
  run: z.array(RunSchema).min(1).max(LIMITS.runs),
  let: LetSchema.optional(),
  checks: z.array(z.lazy(() => CheckEntrySchema)).min(1),
  /** The hints ladder: a nudge, the concept, the exact field. */
  hints: z.strictObject({ nudge: TextSchema, concept: TextSchema, field: TextSchema }),
});

/**
 * Parse options for every lesson schema: the issue keeps its input, so zod's Korean locale can say what
 * it received (located renders each issue in both languages).
 */
export const PARSE = { reportInput: true } as const;

const zodKo = z.locales.ko().localeError;

/** A custom issue that carries its message descriptor (its English text stays zod's `message`). */
function issue(ctx: z.RefinementCtx, m: Msg, path?: PropertyKey[]): void {
  ctx.addIssue({ code: 'custom', message: m.id, params: { msg: m }, ...(path ? { path } : {}) });
}

/**
 * An issue's message as a descriptor: the format's own (a custom issue's descriptor, or a message id given
 * to a refine or a regex), else zod's message in both languages from its locales.
 */
function issueMsg(i: z.core.$ZodIssue): Msg {
  const carried = i.code === 'custom' ? (i.params as { msg?: unknown } | undefined)?.msg : undefined;
  if (isMsg(carried)) return carried;
  if (isMsgId(i.message)) return msg(i.message as MsgId, {} as never);
  if (i.code === 'invalid_type' && i.input === undefined)
    return msg('lesson.format.required', { expected: i.expected });
  const ko = zodKo(i as unknown as z.core.$ZodRawIssue);
  const koText = typeof ko === 'string' ? ko : (ko?.message ?? i.message);
  return msg('lesson.format.schema', { en: i.message, ko: koText });
}

/** An issue's place and message; an unknown key is placed on the key itself. */
export function located(i: z.core.$ZodIssue): [PropertyKey[], Msg][] {
  if (i.code === 'unrecognized_keys')
    return i.keys.map((key) => [[...i.path, key], msg('lesson.format.unknownField', { key })]);
  return [[i.path, issueMsg(i)]];
}

/** A check: a condition over the root of the values, with the sentence a student reads. */
export const CheckEntrySchema: z.ZodType<Condition & { description: Text }> = z.lazy(() =>
  z.custom<Condition & { description: Text }>().superRefine((value, ctx) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      issue(ctx, msg('lesson.format.checkMapping', {}));
      return;
    }
    const { description, ...condition } = value as unknown as Record<string, unknown>;
    const d = TextSchema.safeParse(description, PARSE);
    if (!d.success)
      for (const i of d.error.issues)
        for (const [path, m] of located(i)) issue(ctx, m, ['description', ...path]);
    const c = ConditionSchema.safeParse(condition, PARSE);
    if (!c.success) for (const i of c.error.issues) for (const [path, m] of located(i)) issue(ctx, m, path);
  }),
);
export type Challenge = z.infer<typeof ChallengeSchema>;
export type Check = Condition & { description: Text };

/** The request bar's fields; `to` may name allocated addresses by placeholder ({lb:default/web}). */
export const RequestSchema = z.strictObject({
  from: z.string().min(1).max(200),
  to: z.string().min(1).max(500),
  protocol: z.enum(['http1.0', 'http1.1', 'keepalive', 'http2', 'ping', 'dns']).default('http1.1'),
  count: z.number().int().min(1).max(500).default(1),
});

/** A question asked before the answer is shown; the engine's result decides which choice was right. */
export const PredictionSchema = z.strictObject({
  question: TextSchema,
  run: z.array(RunSchema).min(1).max(LIMITS.runs),
  let: LetSchema.optional(),
  choices: z
    .array(z.strictObject({ id: slug, text: TextSchema, when: ConditionSchema }))
    .min(2)
    .max(LIMITS.choices),
  /** Shown after the answer, right or wrong. */
  explain: TextSchema,
});
export type Prediction = z.infer<typeof PredictionSchema>;

/**
 * What a step points at: objects by key, optionally with a field ("Service/default/web#spec.selector");
 * the page selects the object in the graph and the editor.
 */
export const HighlightSchema = z
  .array(
    z
      .string()
      .regex(
        /^[A-Za-z]+\/[a-z0-9.-]*\/[a-z0-9.-]+(#[A-Za-z0-9.[\]_-]+)?$/,
        'use Kind/namespace/name, optionally #field (like "Service/default/web#spec.selector"; nodes: "Node//node-1")',
      ),
  )
  .max(10);

export const StepSchema = z.strictObject({
  text: TextSchema,
  highlight: HighlightSchema.optional(),
  /** Pre-fills the request bar. */
  request: RequestSchema.optional(),
  /** A console command to suggest (`exec client -- nslookup db`). */
  command: z.string().min(1).max(LIMITS.commandChars).optional(),
  predict: PredictionSchema.optional(),
});
export type Step = z.infer<typeof StepSchema>;

export const LessonSchema = z
  .strictObject({
    format: z.literal(LESSON_FORMAT),
    id: slug,
    title: TextSchema,
    summary: TextSchema,
    /** The ideas it teaches, as lessons.md's table names them ("ClusterIP, selectors"). */
    concepts: z.array(z.string().min(1).max(120)).min(1).max(12),
    /** The starting scene: files applied in order (each one `kubectl apply -f`). */
    scene: z.array(filePath).min(1).max(10),
    /** A reference solution: files that replace the scene and pass every challenge. */
    solution: z.array(filePath).min(1).max(10).optional(),
    /** Scenes that must pass or fail a challenge (`lesson validate` checks them). */
    examples: z
      .array(
        z.strictObject({
          challenge: slug,
          expect: z.enum(['pass', 'fail']),
          files: z.array(filePath).min(1).max(10),
          why: TextSchema.optional(),
        }),
      )
      .max(80)
      .optional(),
    steps: z.array(StepSchema).min(1).max(LIMITS.steps),
    challenges: z.array(ChallengeSchema).max(LIMITS.challenges).default([]),
    /** A bundle carries its files inline (for a file or a link): name → text. */
    files: z.record(filePath, z.string().max(1_000_000)).optional(),
  })
  .superRefine((l, ctx) => {
    if (l.solution && l.challenges.length === 0)
      issue(ctx, msg('lesson.format.solutionNeedsChallenge', {}), ['solution']);
    const ids = new Set<string>();
    l.challenges.forEach((c, i) => {
      if (ids.has(c.id))
        issue(ctx, msg('lesson.format.duplicateChallenge', { id: c.id }), ['challenges', i, 'id']);
      ids.add(c.id);
    });
    l.examples?.forEach((e, i) => {
      if (!ids.has(e.challenge))
        issue(ctx, msg('lesson.format.noSuchChallenge', { id: e.challenge }), ['examples', i, 'challenge']);
    });
  });
export type Lesson = z.infer<typeof LessonSchema>;
