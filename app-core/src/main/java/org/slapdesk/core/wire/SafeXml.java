package org.slapdesk.core.wire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
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
    private static final ThreadLocal<XMLInputFactory> STREAMS = ThreadLocal.withInitial(SafeXml::newStreamFactory);

    /**
     * The JDK's StAX factory hands a closed reader out again, reset, instead of building a new one
     * (buffers, symbol table, entity manager) per document: that set-up cost more than reading a
     * node of ten partitions. Each thread has its own factory, so a reader is never shared.
     */
    private static final String REUSE_READER = "reuse-instance";

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
                throw doctypeRefused(e);
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

    /**
     * A pull reader over {@code xml} for the codecs that stream. It reports a DOCTYPE as a DTD
     * event without reading any of it (no DTD support, no external entity); the caller refuses
     * the document there with {@link #doctypeRefused}. An entity it does not know is an error.
     */
    static XMLStreamReader stream(byte[] xml) throws MarshalException {
        try {
            return STREAMS.get().createXMLStreamReader(new ByteArrayInputStream(xml));
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
    }

    /** The same over text already decoded: no byte decoder to set up for a short document. */
    static XMLStreamReader stream(String xml) throws MarshalException {
        try {
            return STREAMS.get().createXMLStreamReader(new StringReader(xml));
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
    }

    static MarshalException doctypeRefused(Exception cause) {
        return new MarshalException(
                "the XML has a DOCTYPE declaration, which is refused (no DTD or entity is accepted)", cause);
    }

    static MarshalException notWellFormed(XMLStreamException e) {
        Location where = e.getLocation();
        String message = e.getMessage() == null ? "" : e.getMessage();
        // the JDK puts the position in front of its message: keep only its own words
        int own = message.indexOf("Message: ");
        String reason = own >= 0 ? message.substring(own + "Message: ".length()) : message;
        return new MarshalException(
                where == null
                        ? "the XML is not well-formed: " + reason
                        : "the XML is not well-formed at line " + where.getLineNumber() + ", column "
                                + where.getColumnNumber() + ": " + reason,
                e);
    }

    static void close(XMLStreamReader reader) {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // nothing was opened that closing could leak: the input is a byte array
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

    private static XMLInputFactory newStreamFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        if (factory.isPropertySupported(REUSE_READER)) {
            factory.setProperty(REUSE_READER, true);
        }
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entities are refused: " + systemId);
        });
        return factory;
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
