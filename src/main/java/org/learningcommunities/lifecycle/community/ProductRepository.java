package org.learningcommunities.lifecycle.community;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

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
			.sql("select stage, source, source_id, title, product_type, description from lc_product"
					+ " where community_id = ? order by seq")
			.param(communityId)
			.query((rs, row) -> new Product(Stage.valueOf(rs.getString("stage")),
					Product.Source.valueOf(rs.getString("source")), rs.getObject("source_id", Long.class),
					rs.getString("title"), rs.getString("product_type"), rs.getString("description")))
			.list()
			.stream()
			// year by year (the stage's order, not its name's), each as listed
			.sorted(Comparator.comparing(Product::stage))
			.toList();
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
					insert into lc_product (community_id, stage, seq, source, source_id, title, product_type,
					    description, registered_by, registered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(communityId, stage.name(), seq++, product.source().name(), product.sourceId(), product.title(),
						product.productType(), product.description(), by, Timestamp.from(at))
				.update();
		}
	}

}
