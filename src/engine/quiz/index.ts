/** The quiz engine: generation, grading, the typed-answer matcher and the FSRS rating of quiz answers. */
export * from './types.ts';
export { generateQuiz } from './generate.ts';
export { gradeResponse, expectedAnswer } from './grade.ts';
export { matchAnswer, type MatchResult, type MatchableFact, type Verdict } from './match.ts';
export { quizGrade, SLOW_FRACTION, type QuizAnswerFacts } from './rating.ts';
