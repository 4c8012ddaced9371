/**
 * Every problem the survey engine finds is one of these, with a message a person can act on (it names the
 * column, row, stratum or margin at fault), so a command line can print it as one line and exit non-zero.
 */
export class SurveyError extends Error {
  /** The column at fault, when there is one. */
  readonly column: string | undefined;

  constructor(message: string, column?: string) {
    super(message);
    this.name = new.target.name;
    this.column = column;
  }
}

/** The design does not fit the data: a missing column, clusters that cross strata, a lonely PSU, a bad fpc. */
export class SurveyDesignError extends SurveyError {}

/** A value in the data cannot be used: a weight that is missing or not positive, a number that is not one. */
export class SurveyDataError extends SurveyError {}

/** Calibration cannot be done: categories or totals that do not match, raking that does not converge. */
export class SurveyCalibrationError extends SurveyError {}
