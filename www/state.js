// The form's one state object, shared by its modules.

export const SCHEDULE_POINTER = '/Schedule/ScheduleExpression';
export const MODES = ['BASIC', 'ENHANCED'];

export const state = {
  /** The request exactly as the user built it (unknown members from an import included). */
  request: {},
  /** fields() pattern ('/Tags/*\/Key') -> its FieldInfo plus `children`. */
  nodes: new Map(),
  /** Concrete pointer -> the element showing its diagnostics (data-diagnostics-for). */
  slots: new Map(),
  /** Concrete pointer -> its control (name="<pointer>"). */
  controls: new Map(),
  /** Concrete pointer -> the focusable element standing for an object or list member. */
  groups: new Map(),
  /** Slot pointer -> the name of the section it sits in. */
  slotSection: new Map(),
  /** Pointers of the controls the user has changed, and all their ancestors. */
  touched: new Set(),
  /** After an import, a link, a reload or a Copy/Download: every problem shows. */
  showAll: false,
  /** What the Locations step knows of each end: { type, storageClass, nfsVersion, agents, uri, pasted } (see locations.js). */
  ends: { source: emptyEnd(), destination: emptyEnd() },
  /** Pasted ListLocations / DescribeLocation* entries by LocationArn (the last one for an ARN wins). */
  library: new Map(),
  /** The Options controls whose effect depends on the locations: { node, field, control, note }. */
  scoped: [],
  /** The TaskMode whose defaults the selects' first options show. */
  mode: null,
  /** What "Undo" after "Clear form", a fix or an import restores, until the next edit. */
  undo: null,
  /** The operation the request is for (operation.js): CreateTask, UpdateTask or StartTaskExecution. */
  operation: 'CreateTask',
  /** UpdateTask and StartTaskExecution: the task as its pasted DescribeTask response gives it (reduced), or null. */
  task: null,
  /** The last validate() result, for the buttons that act on it. */
  result: { errors: [], warnings: [] },
};

/** Marks a member as changed by the user: its problems (and its parents') show from now on. */
export function touch(pointer) {
  for (let p = pointer; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) state.touched.add(p);
}

/**
 * A location as the Locations step starts: nothing known about it (`pasted`:
 * the ARN of the pasted entry it comes from; `arn`: the ARN it describes, ''
 * while it was chosen before any ARN was given: it then describes the first).
 */
export function emptyEnd() {
  return { type: '', storageClass: '', nfsVersion: '', agents: '', uri: '', pasted: '', arn: '' };
}
