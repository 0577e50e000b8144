package io.cognita.org.client;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.naming.CommunicationException;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;

/**
 * TXT records through a real DNS resolver (the JDK's DNS provider): the system's resolvers, or the
 * server in {@code cognita.dns.server} (host:port), e.g. a corporate resolver or a test's dnsmasq.
 */
@ApplicationScoped
public class DnsTxtLookup {

    /** The resolver could not be asked (down, timed out). */
    public static class DnsUnavailable extends RuntimeException {
        DnsUnavailable(Throwable cause) {
            super(cause.toString(), cause);
        }
    }

    private final String providerUrl;

    public DnsTxtLookup(@ConfigProperty(name = "cognita.dns.server") Optional<String> server) {
        this.providerUrl = server.filter(s -> !s.isBlank()).map(s -> "dns://" + s).orElse("dns:");
    }

    /** The TXT strings at {@code name}; empty when the name has none or does not exist. */
    public List<String> txt(String name) {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        env.put(Context.PROVIDER_URL, providerUrl);
        env.put("com.sun.jndi.dns.timeout.initial", "1000");
        env.put("com.sun.jndi.dns.timeout.retries", "2");
        DirContext context = null;
        try {
            context = new InitialDirContext(env);
            Attributes attributes = context.getAttributes(name, new String[]{"TXT"});
            Attribute txt = attributes.get("TXT");
            List<String> values = new ArrayList<>();
            if (txt != null) {
                NamingEnumeration<?> all = txt.getAll();
                while (all.hasMore()) {
                    values.add(unquote(String.valueOf(all.next())));
                }
            }
            return values;
        } catch (NameNotFoundException e) {
            return List.of();
        } catch (CommunicationException e) {
            throw new DnsUnavailable(e);
        } catch (NamingException e) {
            if (e.getRootCause() instanceof java.io.IOException || e instanceof javax.naming.NoInitialContextException) {
                throw new DnsUnavailable(e);
            }
            org.jboss.logging.Logger.getLogger(DnsTxtLookup.class).debugf("no TXT at %s: %s", name, e.toString());
            return List.of();
        } finally {
            if (context != null) {
                try {
                    context.close();
                } catch (NamingException ignored) {
                    // nothing held
                }
            }
        }
    }

    private static String unquote(String value) {
        String v = value.strip();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
