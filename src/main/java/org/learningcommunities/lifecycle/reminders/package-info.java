/**
 * Reminders: all mail the application sends. Renders the templates of
 * {@code templates/mail/} (HTML and plain text, their words in
 * {@code messages/mail*.properties}, Hebrew right-to-left) and sends each mail at most
 * once per mail key, keeping a log of what was sent in {@code lc_mail_log}. Other
 * capabilities ask it through {@link MailService} and {@link MailTemplates}, from
 * asynchronous service tasks, so that a mail server that is down fails a retried job and
 * never a user's form submission.
 */
package org.learningcommunities.lifecycle.reminders;
