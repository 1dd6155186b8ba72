package eu.enclave.orchestrator.dataset;

import java.util.Map;

/**
 * A storage source as given to the API: {@code kind} says which of the other fields apply.
 *
 * @param kind             {@code persistent-volume}, {@code nfs} or {@code csi}
 * @param volumeName       persistent-volume: the existing PersistentVolume
 * @param storageClassName persistent-volume: its storage class; none when absent
 * @param server           nfs: host name or IP address of the server
 * @param path             nfs: the exported path
 * @param driver           csi: the driver's name
 * @param volumeHandle     csi: the volume's handle for that driver
 * @param attributes       csi: the driver's volume attributes
 */
public record SourceInput(String kind, String volumeName, String storageClassName, String server, String path,
                          String driver, String volumeHandle, Map<String, String> attributes) {
}
