// The network part of opskit/synnefo (being built).
export {};
