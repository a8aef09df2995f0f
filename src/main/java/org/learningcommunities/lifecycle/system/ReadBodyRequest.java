package org.learningcommunities.lifecycle.system;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body a filter read (to measure it or to check it) and that the next one
 * reads again, from memory.
 */
public final class ReadBodyRequest extends HttpServletRequestWrapper {

	private final byte[] body;

	private ReadBodyRequest(HttpServletRequest request, byte[] body) {
		super(request);
		this.body = body;
	}

	/**
	 * Reads the body up to {@code max} bytes.
	 * @return the request with its body in memory, or {@code null} when the body is
	 * larger than {@code max}
	 */
	public static ReadBodyRequest of(HttpServletRequest request, long max) throws IOException {
		byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 1, max) + 1);
		return (body.length > max) ? null : new ReadBodyRequest(request, body);
	}

	public byte[] body() {
		return this.body;
	}

	@Override
	public ServletInputStream getInputStream() {
		ByteArrayInputStream in = new ByteArrayInputStream(this.body);
		return new ServletInputStream() {

			@Override
			public int read() {
				return in.read();
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				return in.read(buffer, offset, length);
			}

			@Override
			public boolean isFinished() {
				return in.available() == 0;
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setReadListener(ReadListener listener) {
				throw new UnsupportedOperationException("The body was read already");
			}

		};
	}

	@Override
	public BufferedReader getReader() {
		Charset encoding = (getCharacterEncoding() != null) ? Charset.forName(getCharacterEncoding())
				: StandardCharsets.UTF_8;
		return new BufferedReader(new InputStreamReader(getInputStream(), encoding));
	}

	@Override
	public int getContentLength() {
		return this.body.length;
	}

	@Override
	public long getContentLengthLong() {
		return this.body.length;
	}

}
