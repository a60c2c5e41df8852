package dev.sonde.probes.pac;

import dev.sonde.facts.PacProxy;
import java.util.List;
import java.util.Objects;

/**
 * A PAC script's answer for one URL.
 *
 * @param written the answer as the script wrote it
 * @param proxies its entries in order, never empty
 */
public record PacResult(String written, List<PacProxy> proxies) {

    public PacResult {
        Objects.requireNonNull(written, "written");
        proxies = List.copyOf(proxies);
    }
}
