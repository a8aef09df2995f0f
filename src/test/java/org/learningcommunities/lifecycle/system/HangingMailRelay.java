package org.learningcommunities.lifecycle.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay in front of the test's mail server that can start hanging: until
 * {@link #hang()} it passes each connection through to the mail server; after it, it
 * accepts new connections and never says a word, so a client waits for the server's
 * greeting until its read timeout, while the conversations already under way finish
 * normally. The application sees a mail server that stopped answering, and no mail is cut
 * off between the server storing it and the client hearing so.
 */
final class HangingMailRelay implements AutoCloseable {

	private final ServerSocket listener;

	private final int target;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile boolean hanging;

	HangingMailRelay(int port, int target) {
		this.target = target;
		try {
			this.listener = new ServerSocket();
			this.listener.setReuseAddress(true);
			this.listener.bind(new InetSocketAddress("127.0.0.1", port), 100);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread acceptor = new Thread(this::accept, "mail-relay");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** From now on, new connections get no answer. */
	void hang() {
		this.hanging = true;
	}

	/**
	 * Answers new connections again, and drops the ones held so far (they belonged to a
	 * node that is gone). The listener stays bound: closing it and binding the port again
	 * would race any client that picks the freed port as its own local port.
	 */
	void resume() {
		this.sockets.forEach(HangingMailRelay::closeQuietly);
		this.sockets.clear();
		this.hanging = false;
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				this.sockets.add(client);
				if (!this.hanging) {
					Socket server = new Socket("127.0.0.1", this.target);
					this.sockets.add(server);
					pipe(client, server);
					pipe(server, client);
				}
			}
			catch (IOException ex) {
				// closed, or a connection that went away: nothing to relay
			}
		}
	}

	private static void pipe(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (SocketException ex) {
				// one side closed
			}
			catch (IOException ex) {
				// one side failed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "mail-relay-pipe");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() {
		closeQuietly(this.listener);
		this.sockets.forEach(HangingMailRelay::closeQuietly);
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already closed
		}
	}

}
