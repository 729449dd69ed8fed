package io.ucell.console;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.ucell.modem.ModemService;
import io.ucell.modem.ModemStatus;

/**
 * The "ucell modem" page of the Felix Web Console: a servlet with a {@code felix.webconsole.label}
 * is shown by the console inside its own frame, at /system/console/ucell.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=ucell",
        "felix.webconsole.title=ucell modem",
        "felix.webconsole.category=ucell" })
public class ModemStatusPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient ModemService modem;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        ModemStatus s = modem.status();
        resp.setContentType("text/html;charset=UTF-8");
        PrintWriter out = resp.getWriter();
        out.println("<div id='ucell-status'>");
        out.println("<table class='nicetable'><thead><tr><th colspan='2'>Modem</th></tr></thead><tbody>");
        for (Map.Entry<String, String> row : StatusReport.summary(s).entrySet()) {
            out.println("<tr><td>" + html(row.getKey()) + "</td><td class='ucell-" + css(row.getKey()) + "'>"
                    + html(row.getValue()) + "</td></tr>");
        }
        out.println("</tbody></table>");
        out.println("<table class='nicetable'><thead><tr><th>PDP contexts</th></tr></thead><tbody>");
        for (String c : StatusReport.contexts(s)) {
            out.println("<tr><td>" + html(c) + "</td></tr>");
        }
        out.println("</tbody></table></div>");
    }

    static String html(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '&': sb.append("&amp;"); break;
                case '"': sb.append("&quot;"); break;
                case '\'': sb.append("&#39;"); break;
                default: sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String css(String label) {
        return label.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
