package org.learningcommunities.lifecycle.progress;

import java.util.Locale;

import org.learningcommunities.lifecycle.system.BilingualNames;
import org.springframework.stereotype.Component;

/**
 * Task names on our pages ({@code ${@pageNames.of(task.name(), #locale)}}): the engine
 * keeps a model's "עברית / English" name whole (Tasklist shows both), a page in one
 * language shows that language's half.
 */
@Component
public class PageNames {

	public String of(String name, Locale locale) {
		return BilingualNames.in(name, locale);
	}

}
