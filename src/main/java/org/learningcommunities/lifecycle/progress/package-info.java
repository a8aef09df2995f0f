/**
 * Progress: where every community stands. Keeps the open tasks of every community from
 * the engine's task events (the starter's event bridge) and answers the project manager's
 * questions: stage, current step, open and overdue tasks.
 */
package org.learningcommunities.lifecycle.progress;
