variable "enabled" { type = bool }
variable "name" { type = string }
variable "agent_arn" { type = string }
variable "nfs_server_hostname" { type = string }
variable "nfs_subdirectory" { type = string }
variable "s3_bucket_arn" { type = string }
variable "schedule_expression" { type = string }
variable "tags" { type = map(string) }

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["datasync.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "s3" {
  count              = var.enabled ? 1 : 0
  name               = "${var.name}-copier"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  tags               = var.tags
}

resource "aws_datasync_location_nfs" "source" {
  count           = var.enabled ? 1 : 0
  server_hostname = var.nfs_server_hostname
  subdirectory    = var.nfs_subdirectory
  on_prem_config { agent_arns = [var.agent_arn] }
  mount_options { version = "AUTOMATIC" }
  tags = var.tags
}

resource "aws_datasync_location_s3" "destination" {
  count         = var.enabled ? 1 : 0
  s3_bucket_arn = var.s3_bucket_arn
  subdirectory  = "/"
  s3_config { bucket_access_role_arn = aws_iam_role.s3[0].arn }
  tags = var.tags
}

resource "aws_datasync_task" "this" {
  count                    = var.enabled ? 1 : 0
  name                     = "${var.name}-onprem-to-s3"
  source_location_arn      = aws_datasync_location_nfs.source[0].arn
  destination_location_arn = aws_datasync_location_s3.destination[0].arn

  options {
    verify_mode            = "ONLY_FILES_TRANSFERRED"
    overwrite_mode         = "ALWAYS"
    preserve_deleted_files = "PRESERVE"
    transfer_mode          = "CHANGED"
  }
  schedule { schedule_expression = var.schedule_expression }
  tags = var.tags
}
