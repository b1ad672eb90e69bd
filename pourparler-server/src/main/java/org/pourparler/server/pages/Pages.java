package org.pourparler.server.pages;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Renders the pages' templates (compiled at build time) and serves their assets: htmx and its SSE
 * extension from their WebJars, the style sheet and the little script kept in this module.
 */
public final class Pages {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    /** The assets by name: a classpath resource and its content type. */
    private static final Map<String, String[]> ASSETS = Map.of(
            "htmx.min.js", new String[] {"/META-INF/resources/webjars/htmx.org/" + Versions.HTMX + "/dist/htmx.min.js", "text/javascript"},
            "sse.js", new String[] {"/META-INF/resources/webjars/htmx-ext-sse/" + Versions.HTMX_SSE + "/sse.js", "text/javascript"},
            "pourparler.css", new String[] {"/org/pourparler/server/assets/pourparler.css", "text/css"},
            "pourparler.js", new String[] {"/org/pourparler/server/assets/pourparler.js", "text/javascript"});

    private Pages() {}

    /** Renders a template with its parameters, as an HTML answer. */
    public static void render(Context ctx, String template, Map<String, Object> params) {
        ctx.contentType("text/html; charset=utf-8").result(html(template, params));
    }

    /** A template's HTML. */
    public static String html(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, params, out);
        return out.toString();
    }

    /** Serves {@code /assets/{name}}: 404 for any other name. */
    public static void asset(Context ctx) throws IOException {
        String[] a = ASSETS.get(ctx.pathParam("name"));
        if (a == null) {
            ctx.status(404).contentType("text/plain").result("There is no such file.");
            return;
        }
        try (InputStream in = Pages.class.getResourceAsStream(a[0])) {
            if (in == null) throw new IllegalStateException("An asset is missing from the build: " + a[0]);
            ctx.header("Cache-Control", "public, max-age=3600").contentType(a[1] + "; charset=utf-8").result(in.readAllBytes());
        }
    }

    /** The versions of the WebJars, as the build resolved them. */
    private static final class Versions {
        static final String HTMX = version("htmx.org");
        static final String HTMX_SSE = version("htmx-ext-sse");

        private static String version(String artifact) {
            String path = "/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
            try (InputStream in = Pages.class.getResourceAsStream(path)) {
                if (in == null) throw new IllegalStateException("The WebJar " + artifact + " is missing from the build");
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                return p.getProperty("version");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
