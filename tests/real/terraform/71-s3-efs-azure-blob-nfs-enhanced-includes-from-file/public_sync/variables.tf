variable "access_point_subnet_ids" {
  type = list(string)
}

variable "aws_region" {
  type = string
}

variable "account_id" {
  type = string
}

variable "internal_bucket" {
  type = string
}

variable "open_bucket" {
  type = string
}

variable "internal_mountpath" {
  type = string
}

variable "open_mountpath" {
  type = string
}

variable "open_paths_list" {
  type = string
}

variable "launch_data_efs_arn" {
  type = string
}

variable "launch_efs_security_group_arn" {
  type = string
}

variable "blob_open_container_url" {
  type = string
}

variable "blob_internal_container_url" {
  type = string
}

variable "blob_open_sas_token" {
  type      = string
  sensitive = true
}

variable "blob_internal_sas_token" {
  type      = string
  sensitive = true
}

variable "agent_activation_key_uswest2" {
  type = string
}

variable "agent_activation_key_useast1" {
  type = string
}

variable "azure_nfs_server_hostname" {
  type = string
}

variable "azure_nfs_open_path" {
  type = string
}

variable "azure_nfs_internal_path" {
  type = string
}
