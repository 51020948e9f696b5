// The compute part of opskit/synnefo (being built).
export {};
