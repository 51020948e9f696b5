// Node-only helpers of the synnefo family (files, config).
export {};
