package org.slapdesk.core.wire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one place that parses XML. A DOCTYPE is refused outright, so no DTD, no internal or
 * external entity and no entity expansion ever reaches our code.
 *
 * <p>Setting up the hardened factory and its builder cost more than parsing a parameter
 * document, so each thread builds one builder once and reuses it, reset after every parse.
 */
public final class SafeXml {

    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SafeXml::newBuilder);

    private SafeXml() {}

    public static Document parse(String xml) throws MarshalException {
        return parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    public static Document parse(byte[] xml) throws MarshalException {
        DocumentBuilder builder = builderOfThisThread();
        try {
            // reset() forgets these, so they are set again before each use
            builder.setErrorHandler(null);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are refused: " + systemId);
            });
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("DOCTYPE")) {
                throw new MarshalException(
                        "the XML has a DOCTYPE declaration, which is refused (no DTD or entity is accepted)", e);
            }
            throw new MarshalException(
                    "the XML is not well-formed at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                            + message,
                    e);
        } catch (SAXException | IOException e) {
            throw new MarshalException("the XML could not be read: " + e.getMessage(), e);
        } finally {
            builder.reset();
        }
    }

    /** The builder this thread parses with, made once per thread. */
    static DocumentBuilder builderOfThisThread() {
        return BUILDER.get();
    }

    private static DocumentBuilder newBuilder() {
        try {
            return newFactory().newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required safety feature", e);
        }
    }

    static DocumentBuilderFactory newFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        factory.setCoalescing(true);
        return factory;
    }
}
