package org.learningcommunities.lifecycle.system;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;

/**
 * {@link ModelMigrationJourney} on H2, in a database of its own (closed with the class,
 * as its deployments of every model would be seen by the next test on the same database).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:model-migration-it;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE")
@DirtiesContext
class ModelMigrationIT extends ModelMigrationJourney {

}
