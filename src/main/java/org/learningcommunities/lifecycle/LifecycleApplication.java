package org.learningcommunities.lifecycle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class LifecycleApplication {

	public static void main(String[] args) {
		SpringApplication.run(LifecycleApplication.class, args);
	}

}
