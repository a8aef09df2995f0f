/**
 * Workspace: the application's own home page for the people who run the communities, in
 * Hebrew first (docs/workspace.md, docs/adr/0024). The inbox ({@code /}) lists the
 * signed-in person's tasks, named for what and whom, from the progress capability's
 * open-task table; the task page ({@code /tasks/{id}}) renders the task's Camunda Form
 * with form-js in the reader's language and completes the task as that person through the
 * engine, so each form's own validation and handler run as they do for Tasklist.
 */
package org.learningcommunities.lifecycle.workspace;
