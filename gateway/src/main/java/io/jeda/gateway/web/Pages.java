package io.jeda.gateway.web;

import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.Locale;
import java.util.Map;

/**
 * Renders the web app's pages: Thymeleaf templates under {@code views/}, whose {@code #{key}}
 * texts come from {@link Texts}' bundles in the page's language.
 */
@Singleton
public class Pages {

    private final TemplateEngine engine = new TemplateEngine();

    public Pages() {
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver(Pages.class.getClassLoader());
        templates.setPrefix("views/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCharacterEncoding("UTF-8");
        templates.setCacheable(true);
        engine.setTemplateResolver(templates);
        engine.setMessageResolver(new BundleMessages());
    }

    /** The page in the language ("id" or "en"), with the model's variables. */
    public String render(String template, String lang, Map<String, Object> model) {
        Context ctx = new Context("en".equals(lang) ? Locale.ENGLISH : Locale.forLanguageTag("id"));
        ctx.setVariables(model);
        ctx.setVariable("lang", lang);
        return engine.process(template, ctx);
    }

    private static final class BundleMessages implements IMessageResolver {

        @Override
        public String getName() {
            return "jeda-bundles";
        }

        @Override
        public Integer getOrder() {
            return 0;
        }

        @Override
        public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] args) {
            String lang = "en".equals(context.getLocale().getLanguage()) ? "en" : "id";
            return Texts.get(lang, key, args == null ? new Object[0] : args);
        }

        @Override
        public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                                                        Object[] args) {
            return "??" + key + "??";
        }
    }
}
