package vmck.report;

import java.io.StringWriter;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import vmck.conformance.ClauseFinding;
import vmck.conformance.ClauseStatus;
import vmck.conformance.SuiteReport;
import vmck.spec.Clause;

/** junit.xml: one testcase per clause, so any CI shows the verdicts. */
public final class JunitXmlReport {

    private JunitXmlReport() {
    }

    public static String render(SuiteReport report) {
        StringWriter buffer = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(buffer);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "vmck " + report.profile().name() + " — " + report.implementation());
            xml.writeAttribute("tests", Integer.toString(report.statuses().size()));
            xml.writeAttribute("failures", Long.toString(count(report, ClauseStatus.FAIL) + count(report, ClauseStatus.NOT_EXERCISED)));
            xml.writeAttribute("errors", report.adapterFailure() == null ? "0" : "1");
            xml.writeAttribute("skipped", Long.toString(count(report, ClauseStatus.NOT_APPLICABLE) + count(report, ClauseStatus.UNTESTABLE)));
            xml.writeAttribute("time", String.format("%.3f", report.elapsed().toMillis() / 1000.0));
            for (Map.Entry<Clause, ClauseStatus> entry : report.statuses().entrySet()) {
                Clause clause = entry.getKey();
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", "vmck." + report.profile().name());
                xml.writeAttribute("name", clause.id() + " " + clause.title());
                switch (entry.getValue()) {
                    case FAIL -> {
                        ClauseFinding finding = report.findings().get(clause);
                        xml.writeStartElement("failure");
                        xml.writeAttribute("message", finding.violation().toString());
                        xml.writeCharacters(finding.scenario().listing());
                        xml.writeEndElement();
                    }
                    case NOT_EXERCISED -> {
                        xml.writeStartElement("failure");
                        xml.writeAttribute("message", "not exercised: 0 checks ran");
                        xml.writeEndElement();
                    }
                    case NOT_APPLICABLE, UNTESTABLE -> {
                        xml.writeStartElement("skipped");
                        xml.writeAttribute("message", MarkdownReport.word(entry.getValue()));
                        xml.writeEndElement();
                    }
                    case PASS -> { }
                }
                xml.writeEndElement();
            }
            if (report.adapterFailure() != null) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", "vmck." + report.profile().name());
                xml.writeAttribute("name", "adapter");
                xml.writeStartElement("error");
                xml.writeAttribute("message", report.adapterFailure());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not render junit.xml", e);
        }
        return buffer + "\n";
    }

    private static long count(SuiteReport report, ClauseStatus status) {
        return report.statuses().values().stream().filter(status::equals).count();
    }
}
