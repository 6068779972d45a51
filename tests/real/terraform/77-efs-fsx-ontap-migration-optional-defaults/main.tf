# A platform's shared storage moves from EFS to FSx for NetApp ONTAP. While
# both exist, a DataSync task copies the EFS directory onto the ONTAP volume
# (or back, for a rollback) on a schedule; a nested object variable with
# optional() defaults turns it on and picks the direction.

variable "deployment" {
  type    = string
  default = "analytics-prod"
}

variable "shared_storage" {
  type = object({
    ontap = optional(object({
      move_from_efs = optional(object({
        enabled = optional(bool, false)
        copy = optional(object({
          enabled     = optional(bool, false)
          direction   = optional(string, "ontap")
          schedule    = optional(string, "cron(0 */4 * * ? *)")
          verify_mode = optional(string, "ONLY_FILES_TRANSFERRED")
        }), {})
      }), {})
      junction_path = optional(string, "/shared")
    }), {})
  })
  default = {}
}

locals {
  copy_on = var.shared_storage.ontap.move_from_efs.copy.enabled
}

resource "aws_vpc" "platform" {
  cidr_block = "10.80.0.0/16"
}

resource "aws_subnet" "private" {
  vpc_id            = aws_vpc.platform.id
  cidr_block        = "10.80.1.0/24"
  availability_zone = "us-east-1a"
}

resource "aws_security_group" "copier" {
  count       = local.copy_on ? 1 : 0
  name        = "${var.deployment}-copier"
  description = "Storage copier"
  vpc_id      = aws_vpc.platform.id
}

resource "aws_efs_file_system" "shared" {
  encrypted = true
}

resource "aws_fsx_ontap_file_system" "shared" {
  deployment_type     = "SINGLE_AZ_1"
  storage_capacity    = 1024
  throughput_capacity = 128
  subnet_ids          = [aws_subnet.private.id]
  preferred_subnet_id = aws_subnet.private.id
}

resource "aws_fsx_ontap_storage_virtual_machine" "shared" {
  file_system_id = aws_fsx_ontap_file_system.shared.id
  name           = "shared"
}

resource "aws_datasync_location_efs" "old" {
  count                 = local.copy_on ? 1 : 0
  efs_file_system_arn   = aws_efs_file_system.shared.arn
  subdirectory          = "/shared/"
  in_transit_encryption = "TLS1_2"

  ec2_config {
    security_group_arns = [aws_security_group.copier[0].arn]
    subnet_arn          = aws_subnet.private.arn
  }
}

resource "aws_datasync_location_fsx_ontap_file_system" "new" {
  count                       = local.copy_on ? 1 : 0
  security_group_arns         = [aws_security_group.copier[0].arn]
  storage_virtual_machine_arn = aws_fsx_ontap_storage_virtual_machine.shared.arn
  subdirectory                = "${var.shared_storage.ontap.junction_path}${endswith(var.shared_storage.ontap.junction_path, "/") ? "" : "/"}"

  protocol {
    nfs {
      mount_options {
        version = "NFS3"
      }
    }
  }
}

resource "aws_datasync_task" "efs_to_ontap" {
  count                    = local.copy_on && var.shared_storage.ontap.move_from_efs.copy.direction == "ontap" ? 1 : 0
  source_location_arn      = aws_datasync_location_efs.old[0].arn
  destination_location_arn = aws_datasync_location_fsx_ontap_file_system.new[0].arn

  options {
    posix_permissions = "NONE"
    gid               = "NONE"
    uid               = "NONE"
    verify_mode       = var.shared_storage.ontap.move_from_efs.copy.verify_mode
  }

  schedule {
    schedule_expression = var.shared_storage.ontap.move_from_efs.copy.schedule
  }
}

resource "aws_datasync_task" "ontap_to_efs" {
  count                    = local.copy_on && var.shared_storage.ontap.move_from_efs.copy.direction == "efs" ? 1 : 0
  source_location_arn      = aws_datasync_location_fsx_ontap_file_system.new[0].arn
  destination_location_arn = aws_datasync_location_efs.old[0].arn

  options {
    posix_permissions = "NONE"
    gid               = "NONE"
    uid               = "NONE"
    verify_mode       = var.shared_storage.ontap.move_from_efs.copy.verify_mode
  }

  schedule {
    schedule_expression = var.shared_storage.ontap.move_from_efs.copy.schedule
  }
}
