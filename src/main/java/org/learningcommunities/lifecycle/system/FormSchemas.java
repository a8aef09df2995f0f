package org.learningcommunities.lifecycle.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms of {@code forms/}, read from the classpath (the same files the engine
 * deploys) and parsed once.
 */
@Component
public class FormSchemas {

	private final ObjectMapper json = new ObjectMapper();

	private final Map<String, Optional<FormSchema>> byId = new ConcurrentHashMap<>();

	public Optional<FormSchema> find(String formId) {
		return this.byId.computeIfAbsent(formId, this::load);
	}

	private Optional<FormSchema> load(String formId) {
		ClassPathResource resource = new ClassPathResource("forms/" + formId + ".form");
		if (!resource.exists()) {
			return Optional.empty();
		}
		try (InputStream in = resource.getInputStream()) {
			return Optional.of(FormSchema.parse(this.json.readTree(in)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read form " + formId, ex);
		}
	}

}
