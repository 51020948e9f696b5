// Node-only helpers of the mist family (files, config).
export {};
