// The astakos part of opskit/synnefo (being built).
export {};
