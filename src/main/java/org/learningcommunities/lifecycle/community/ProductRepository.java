package org.learningcommunities.lifecycle.community;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code lc_product}: the products registered with each year summary. */
@Repository
class ProductRepository {

	private final JdbcClient jdbc;

	ProductRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Product> findByCommunity(long communityId) {
		return this.jdbc
			.sql("select stage, source, title, product_type, description from lc_product where community_id = ?"
					+ " order by registered_at, stage, seq")
			.param(communityId)
			.query((rs, row) -> new Product(Stage.valueOf(rs.getString("stage")),
					Product.Source.valueOf(rs.getString("source")), rs.getString("title"), rs.getString("product_type"),
					rs.getString("description")))
			.list();
	}

	List<Product> findByStage(long communityId, Stage stage) {
		return findByCommunity(communityId).stream().filter((product) -> product.stage() == stage).toList();
	}

	void replace(long communityId, Stage stage, List<Product> products, String by, Instant at) {
		this.jdbc.sql("delete from lc_product where community_id = ? and stage = ?")
			.params(communityId, stage.name())
			.update();
		int seq = 1;
		for (Product product : products) {
			this.jdbc.sql("""
					insert into lc_product (community_id, stage, seq, source, title, product_type, description,
					    registered_by, registered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(communityId, stage.name(), seq++, product.source().name(), product.title(),
						product.productType(), product.description(), by, Timestamp.from(at))
				.update();
		}
	}

	/** The day the community last entered the stage, if it did. */
	Optional<LocalDate> enteredOn(long communityId, Stage stage) {
		return this.jdbc.sql("select max(entered_at) from lc_stage_history where community_id = ? and stage = ?")
			.params(communityId, stage.name())
			.query(Timestamp.class)
			.optional()
			.map((at) -> at.toLocalDateTime().toLocalDate());
	}

}
