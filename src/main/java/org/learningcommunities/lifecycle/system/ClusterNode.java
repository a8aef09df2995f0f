package org.learningcommunities.lifecycle.system;

import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gives this node of the cluster a name of its own ({@code lifecycle.cluster.node-id},
 * environment {@code LIFECYCLE_CLUSTER_NODE_ID}), stable over restarts and unique in the
 * cluster (docs/adr/0018-cluster-nodes-named-and-sharing-the-job-executor.md).
 * <p>
 * The name becomes the engine's host name (the history job log says which node ran each
 * job) and the job executor's lock owner. A node killed while it held jobs leaves them
 * locked until the lock expires (five minutes by default), so nothing would run them in
 * the meantime; a node that starts again under its name knows that the locks of that name
 * belong to its former life, which is gone, and frees them at once: its jobs run again
 * right after the restart. Without a name the engine keeps its defaults (a random lock
 * owner, the IP address as host name) and a crashed node's jobs wait for their locks to
 * expire.
 */
@Component
class ClusterNode extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);

	private final String nodeId;

	ClusterNode(@Value("${lifecycle.cluster.node-id:}") String nodeId) {
		this.nodeId = nodeId.strip();
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (named()) {
			configuration.setHostname(this.nodeId);
		}
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		if (named() && configuration.getJobExecutor() != null) {
			configuration.getJobExecutor().setLockOwner(this.nodeId);
		}
	}

	/**
	 * Runs before the job executor starts (the starter starts it once the engine is
	 * deployed), so no job of this node can be running yet.
	 */
	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		if (!named()) {
			log.info("Cluster node without a name (lifecycle.cluster.node-id): jobs locked by a crashed node wait "
					+ "for their locks to expire");
			return;
		}
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		int released = configuration.getCommandExecutorTxRequired().execute(releaseLocksOf(this.nodeId));
		log.info("Cluster node {}: released {} job(s) still locked by this node's previous run", this.nodeId, released);
	}

	private boolean named() {
		return !this.nodeId.isEmpty();
	}

	/**
	 * The engine has no API to unlock a job; the lock is two columns of its job table,
	 * and the revision goes up so that no stale copy of the job can be written back.
	 */
	private static Command<Integer> releaseLocksOf(String lockOwner) {
		return (commandContext) -> {
			try (PreparedStatement statement = commandContext.getDbSqlSession()
				.getSqlSession()
				.getConnection()
				.prepareStatement("update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null, REV_ = REV_ + 1 "
						+ "where LOCK_OWNER_ = ?")) {
				statement.setString(1, lockOwner);
				return statement.executeUpdate();
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Cannot release the jobs locked by node " + lockOwner, ex);
			}
		};
	}

}
